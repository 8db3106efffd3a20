// Reads badges with the phone's back camera (zxing). The camera is on only while the organizer
// keeps it on: it stops when she turns it off, leaves the page or switches to another app.
import { BrowserQRCodeReader, type IScannerControls } from "@zxing/browser";
import { useCallback, useEffect, useRef, useState } from "react";

type CameraState = { kind: "desligada" } | { kind: "ligando" } | { kind: "ligada" } | { kind: "erro"; message: string };

function cameraProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return "O uso da câmera foi negado. Para ler crachás, permita a câmera para este site nas configurações do navegador; enquanto isso, digite o código ou busque pelo nome.";
    case "NotFoundError":
    case "OverconstrainedError":
      return "Nenhuma câmera encontrada neste aparelho. Digite o código do crachá ou busque pelo nome.";
    case "NotReadableError":
    case "AbortError":
      return "A câmera está sendo usada por outro aplicativo. Feche-o e tente de novo.";
    default:
      return "Não foi possível ligar a câmera. Digite o código do crachá ou busque pelo nome.";
  }
}

export function QrCamera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  // Each start and stop begins a new generation: a camera that finishes starting late is stopped.
  const generation = useRef({ n: 0 });
  const [state, setState] = useState<CameraState>({ kind: "desligada" });
  const latest = useRef(onCode);
  useEffect(() => {
    latest.current = onCode;
  }, [onCode]);

  const stop = useCallback(() => {
    generation.current.n++;
    controls.current?.stop();
    controls.current = null;
    setState({ kind: "desligada" });
  }, []);

  const start = useCallback(async () => {
    if (!video.current) return;
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setState({ kind: "erro", message: "A câmera só funciona com conexão segura (https) e num navegador atual. Digite o código do crachá ou busque pelo nome." });
      return;
    }
    const mine = ++generation.current.n;
    setState({ kind: "ligando" });
    try {
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 120, delayBetweenScanSuccess: 500 });
      const c = await reader.decodeFromConstraints({ audio: false, video: { facingMode: { ideal: "environment" } } }, video.current, (result) => {
        if (result && generation.current.n === mine) latest.current(result.getText());
      });
      if (generation.current.n !== mine) {
        c.stop(); // turned off (or left) while the camera was starting
        return;
      }
      controls.current = c;
      setState({ kind: "ligada" });
    } catch (error) {
      if (generation.current.n === mine) setState({ kind: "erro", message: cameraProblem(error) });
    }
  }, []);

  // Off when leaving the page or switching to another app; off for good on unmount.
  useEffect(() => {
    const gen = generation.current;
    const hide = () => {
      if (document.visibilityState === "hidden" && controls.current) stop();
    };
    document.addEventListener("visibilitychange", hide);
    window.addEventListener("pagehide", stop);
    return () => {
      document.removeEventListener("visibilitychange", hide);
      window.removeEventListener("pagehide", stop);
      gen.n++;
      controls.current?.stop();
      controls.current = null;
    };
  }, [stop]);

  const on = state.kind === "ligada" || state.kind === "ligando";
  return (
    <div className="checkin-camera">
      <button type="button" className="button checkin-big" aria-pressed={on} onClick={() => (on ? stop() : void start())}>
        {on ? "Desligar a câmera" : "Ler QR com a câmera"}
      </button>
      <div className="checkin-video-frame" hidden={!on}>
        <video ref={video} className="checkin-video" muted playsInline aria-label="Imagem da câmera: aponte para o QR do crachá" />
      </div>
      <p className="small muted" aria-live="polite">
        {state.kind === "ligando" ? "Ligando a câmera…" : state.kind === "ligada" ? "Câmera ligada: aponte para o QR do crachá." : null}
      </p>
      {state.kind === "erro" ? (
        <p className="notice notice-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
