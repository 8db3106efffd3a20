// The problems currently shown to the person, one per kind (camera, microphone, connection…):
// a newer report of the same kind replaces the older one; a device that starts working clears its own.
import { useCallback, useState } from "react";

import { withProblem, type Problem, type ProblemKey } from "./problems";

export type ProblemReporter = { report: (problem: Problem) => void; solve: (key: ProblemKey) => void };

export function useRoomProblems() {
  const [problems, setProblems] = useState<Problem[]>([]);
  const report = useCallback((problem: Problem) => setProblems((list) => withProblem(list, problem)), []);
  // A device that works again also settles the joint camera-and-microphone explanation.
  const solve = useCallback(
    (key: ProblemKey) =>
      setProblems((list) => {
        const gone = (p: Problem) => p.key === key || ((key === "camera" || key === "microfone") && p.key === "midia");
        return list.some(gone) ? list.filter((p) => !gone(p)) : list;
      }),
    [],
  );
  return { problems, report, solve };
}
