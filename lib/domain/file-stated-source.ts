/**
 * How a scale fact read from a results file is credited (lm-eval
 * `config.model_num_parameters`, Every Eval Ever `params_billions`, a wide CSV's
 * size columns): used only for a model the registry does not know, and only to
 * fill a fact nothing else gave, so it never overrides a registry fact or an edit.
 */
const PREFIX = "stated in the file ";

export function toFileStatedSource(fileName: string): string {
  return `${PREFIX}${fileName}`;
}

export function isFileStatedSource(source: string | null): boolean {
  return source !== null && source.startsWith(PREFIX);
}
