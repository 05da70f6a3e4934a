import { ESLint } from 'eslint';

// LINT_CONFIG lets a check run these tests against a weakened copy of the config, to see them fail.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: process.env.LINT_CONFIG });

/**
 * The rule ids ESLint reports for `code` as if it sat at `filePath`, with the repo's
 * eslint.config.js. The path need not exist: the rules read only the linted file's path and the
 * files it imports, so no probe file is ever written into the tree.
 */
export async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? `fatal: ${message.message}`);
}
