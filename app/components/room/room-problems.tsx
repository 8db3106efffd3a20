// The alert box listing what went wrong and what to do. The live region is always in the page so
// screen readers announce each new problem.
import type { Problem, ProblemKey } from "./problems";

export function RoomProblems({ problems, onDismiss }: { problems: Problem[]; onDismiss: (key: ProblemKey) => void }) {
  return (
    <div role="alert" className="room-problems">
      {problems.map((p) => (
        <div key={p.key} className="notice notice-error room-problem">
          <p>{p.message}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => onDismiss(p.key)}>
            Fechar este aviso
          </button>
        </div>
      ))}
    </div>
  );
}
