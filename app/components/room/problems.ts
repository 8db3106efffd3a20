// Plain-language (pt-BR) explanations of what went wrong with the camera, the microphone, the
// screen share or the connection, each saying what the person can do about it.
import { ConnectionError, ConnectionErrorReason, DisconnectReason, MediaDeviceFailure } from "livekit-client";

export type ProblemKey = "camera" | "microfone" | "midia" | "tela" | "envio" | "conexao";
export type Problem = { key: ProblemKey; message: string; failure?: MediaDeviceFailure };
export type DeviceKey = "camera" | "microfone" | "midia" | "tela";

const LOCK_HINT = "clique no cadeado (ou no ícone de câmera) ao lado do endereço da página";
const SYSTEM_HINT =
  "Se o bloqueio continuar, confira também as permissões de privacidade do computador (Windows ou macOS) ou do celular.";

const DEVICE_TEXT: Record<Exclude<DeviceKey, "tela">, { name: string; button: string; is: string }> = {
  camera: { name: "a câmera", button: "“Câmera”", is: "está" },
  microfone: { name: "o microfone", button: "“Microfone”", is: "está" },
  midia: { name: "a câmera e o microfone", button: "“Câmera” e “Microfone”", is: "estão" },
};

function screenProblem(failure: MediaDeviceFailure | undefined): string {
  if (failure === MediaDeviceFailure.PermissionDenied) {
    return "O compartilhamento de tela não começou: a escolha da tela foi cancelada ou o navegador não deu permissão. Para tentar de novo, clique em “Compartilhar tela”. No macOS, pode ser preciso permitir a gravação da tela para o navegador nos Ajustes do Sistema.";
  }
  return "Não foi possível compartilhar a tela. Clique de novo em “Compartilhar tela”; se não funcionar, use um navegador de computador atualizado (Chrome, Edge ou Firefox).";
}

/** What to do when the browser could not open a camera, a microphone or the screen. */
export function mediaProblem(failure: MediaDeviceFailure | undefined, device: DeviceKey): Problem {
  if (device === "tela") return { key: "tela", message: screenProblem(failure) };
  const { name, button, is } = DEVICE_TEXT[device];
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  let message: string;
  switch (failure) {
    case MediaDeviceFailure.PermissionDenied:
      message = `O navegador bloqueou ${name}: ${LOCK_HINT}, escolha “Permitir” para este site e depois clique de novo em ${button}. ${SYSTEM_HINT}`;
      break;
    case MediaDeviceFailure.NotFound:
      message =
        device === "camera"
          ? "Nenhuma câmera foi encontrada neste aparelho: confira se ela está conectada e ligada e clique de novo em “Câmera”. Você pode continuar na sala sem vídeo."
          : device === "microfone"
            ? "Nenhum microfone foi encontrado neste aparelho: conecte um microfone ou um fone de ouvido com microfone e clique de novo em “Microfone”. Enquanto isso, você pode participar pelo chat."
            : "Nenhuma câmera ou microfone foi encontrado neste aparelho: confira se estão conectados e clique de novo em “Câmera” ou “Microfone”. Você pode participar pelo chat.";
      break;
    case MediaDeviceFailure.DeviceInUse:
      message = `${Name} ${is} em uso por outro programa (por exemplo, outra videochamada ou o aplicativo da câmera): feche esse programa e clique de novo em ${button}.`;
      break;
    default:
      message = `Não foi possível ligar ${name}. Clique de novo em ${button}; se não funcionar, recarregue a página ou use outro navegador atualizado (Chrome, Edge, Firefox ou Safari).`;
  }
  return { key: device, message, failure };
}

/**
 * Adds a problem to the list, replacing an older one of the same kind. The same failure of both the
 * camera and the microphone (typically both blocked) becomes one explanation about the two.
 */
export function withProblem(list: Problem[], problem: Problem): Problem[] {
  const other = problem.key === "camera" ? "microfone" : problem.key === "microfone" ? "camera" : null;
  if (other && list.some((p) => p.key === "midia" && p.failure === problem.failure)) return list;
  const pair = other ? list.find((p) => p.key === other) : undefined;
  if (pair && problem.failure && pair.failure === problem.failure) {
    return withProblem(
      list.filter((p) => p.key !== "camera" && p.key !== "microfone"),
      mediaProblem(problem.failure, "midia"),
    );
  }
  const same = list.find((p) => p.key === problem.key);
  if (same?.message === problem.message) return list;
  return [...list.filter((p) => p.key !== problem.key), problem];
}

/** The device of a media failure reported by the room; none for the screen, whose toggle reports it itself. */
export function deviceOfKind(kind: MediaDeviceKind | undefined): DeviceKey | null {
  return kind === "videoinput" ? "camera" : kind === "audioinput" ? "microfone" : null;
}

// Errors of getUserMedia/getDisplayMedia: LiveKit also reports them as media device failures,
// with the device, so the generic error callback leaves them alone.
const MEDIA_ERROR_NAMES = new Set([
  "NotAllowedError",
  "PermissionDeniedError",
  "NotFoundError",
  "DevicesNotFoundError",
  "NotReadableError",
  "TrackStartError",
  "OverconstrainedError",
  "AbortError",
  "SecurityError",
  "DeviceUnsupportedError",
]);

const CONNECTION_FAILED =
  "Não foi possível conectar à sala: verifique sua conexão com a internet e clique em “Entrar de novo”. Se você usa a rede de um órgão público, ela pode bloquear videochamadas: peça à equipe de informática para liberar o servidor de vídeo deste site.";

/** A problem to show for an error of the room (connecting, or publishing on entry); null when there is nothing to say. */
export function problemFromError(error: Error): Problem | null {
  if (error instanceof ConnectionError || error.name === "ConnectionError") {
    const reason = (error as ConnectionError).reason;
    if (reason === ConnectionErrorReason.Cancelled) return null;
    if (reason === ConnectionErrorReason.NotAllowed) {
      return {
        key: "conexao",
        message:
          "A sala não aceitou a sua autorização de entrada: ela vale só alguns minutos e pode ter expirado. Clique em “Entrar de novo” para receber outra; se continuar, fale com a organização do evento.",
      };
    }
    if (reason === ConnectionErrorReason.LeaveRequest) {
      return {
        key: "conexao",
        message:
          "A sala não aceitou a sua entrada agora: ela pode estar lotada ou ter sido encerrada. Clique em “Entrar de novo”; se continuar, fale com a organização do evento.",
      };
    }
    return { key: "conexao", message: CONNECTION_FAILED };
  }
  if (MEDIA_ERROR_NAMES.has(error.name)) return null;
  return {
    key: "envio",
    message:
      "Não foi possível enviar a sua câmera ou o seu microfone para a sala. Tente ligar de novo pelos botões “Câmera” e “Microfone”; se não funcionar, clique em “Sair” e entre de novo.",
  };
}

export type LeftReason = "saiu" | "removido" | "encerrada" | "duplicada" | "falha" | "sem-conexao";

export function leftReason(reason: DisconnectReason | undefined): LeftReason {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return "saiu";
    case DisconnectReason.PARTICIPANT_REMOVED:
      return "removido";
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return "encerrada";
    case DisconnectReason.DUPLICATE_IDENTITY:
      return "duplicada";
    default:
      return "falha";
  }
}

export const LEFT_TEXT: Record<LeftReason, string> = {
  saiu: "Sua câmera e seu microfone foram desligados.",
  removido: "A organização do evento retirou você desta sala.",
  encerrada: "A organização encerrou a sala desta sessão.",
  duplicada: "Você entrou nesta sala em outra aba ou em outro aparelho, e só uma conexão por pessoa fica aberta.",
  falha: "A conexão com a sala caiu.",
  "sem-conexao": "A conexão com a sala não foi aberta: veja o aviso acima.",
};

/**
 * How long the join token lasts (exp − nbf), so that an expired one is replaced by reloading the page
 * before trying to connect. Measured against the page's own clock, which may differ from the server's.
 */
export function tokenLifetimeMs(token: string): number | null {
  try {
    const part = token.split(".")[1] ?? "";
    const payload = JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: unknown; nbf?: unknown; iat?: unknown };
    const start = typeof payload.nbf === "number" ? payload.nbf : payload.iat;
    if (typeof payload.exp !== "number" || typeof start !== "number") return null;
    return (payload.exp - start) * 1000;
  } catch {
    return null;
  }
}
