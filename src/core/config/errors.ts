/** One thing wrong in a config: where (a JSON path such as `categories[2].id`) and what to do about it. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** Thrown for an invalid config; `problems` lists every problem found, never just the first. */
export class ConfigError extends Error {
  problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super('consentry: invalid config\n' + problems.map((problem) => (problem.path || 'config') + ': ' + problem.message).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
