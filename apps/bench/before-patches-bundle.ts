import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';

/**
 * Writes the case workflow bundled with `./without-patches` in place of the workflow API:
 * a worker given it (OVERENS_WORKFLOW_BUNDLE) runs every case as the code did before its
 * patches. Only for new cases on a task queue of their own: it must never meet a history
 * written with the patches.
 */
export async function writeBeforePatchesBundle(path: string): Promise<void> {
  const shim = require.resolve('./without-patches');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), '@temporalio/workflow$': shim } },
    }),
    logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  writeFileSync(path, code);
}
