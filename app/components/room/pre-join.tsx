// The step before connecting: its click is the user gesture that lets the browser start the
// sound, the camera and the microphone. People who may publish choose how they enter.
import { isBrowserSupported } from "livekit-client";
import { useEffect, useId, useState, type FormEvent } from "react";

import { isStaff, type RoomRole } from "./roles";

export type JoinChoices = { audio: boolean; video: boolean };

function BrowserWarnings() {
  const [warnings, setWarnings] = useState<string[]>([]);
  useEffect(() => {
    const list: string[] = [];
    if (!isBrowserSupported()) {
      list.push("Este navegador pode não funcionar com a sala de vídeo: use uma versão atualizada do Chrome, Edge, Firefox ou Safari.");
    }
    if (!window.isSecureContext) {
      list.push("Esta página não foi aberta em endereço seguro (https): o navegador não vai liberar a câmera nem o microfone.");
    }
    setWarnings(list);
  }, []);
  if (!warnings.length) return null;
  return (
    <div className="notice notice-warning">
      {warnings.map((w) => (
        <p key={w}>{w}</p>
      ))}
    </div>
  );
}

export function PreJoin({ role, canPublish, onJoin }: { role: RoomRole; canPublish: boolean; onJoin: (choices: JoinChoices) => void }) {
  const [video, setVideo] = useState(isStaff(role));
  const [audio, setAudio] = useState(isStaff(role));
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin({ audio, video });
  };
  return (
    <section className="room-prejoin panel" aria-labelledby={`${id}-titulo`}>
      <h2 id={`${id}-titulo`}>Antes de entrar</h2>
      <BrowserWarnings />
      {canPublish ? (
        <form onSubmit={submit}>
          <fieldset>
            <legend>Como você quer entrar</legend>
            <label className="choice" htmlFor={`${id}-camera`}>
              <input type="checkbox" id={`${id}-camera`} checked={video} onChange={(e) => setVideo(e.target.checked)} />
              <span>Com a câmera ligada</span>
            </label>
            <label className="choice" htmlFor={`${id}-microfone`}>
              <input type="checkbox" id={`${id}-microfone`} checked={audio} onChange={(e) => setAudio(e.target.checked)} />
              <span>Com o microfone ligado</span>
            </label>
          </fieldset>
          <p className="hint">
            Se você ligar a câmera ou o microfone, o navegador vai pedir permissão para usá-los. Dentro da sala, você liga e desliga
            os dois quando quiser.
          </p>
          <div className="button-row">
            <button type="submit" className="button">
              Entrar na sala
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>Você vai assistir à transmissão e pode participar pelo chat. A sua câmera e o seu microfone não são usados.</p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => onJoin({ audio: false, video: false })}>
              Entrar para assistir
            </button>
          </div>
        </>
      )}
    </section>
  );
}
