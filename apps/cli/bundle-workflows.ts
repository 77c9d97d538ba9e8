import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { failStartup } from '../shared/fail-startup';

/** Where the bundle is written: beside the compiled programs. */
const WORKFLOW_BUNDLE_PATH = resolve(__dirname, '..', '..', 'workflow-bundle.js');

/**
 * Bundles the workflow code once, at image build time (the Dockerfile runs it and points
 * OVERENS_WORKFLOW_BUNDLE at it), so that a production worker starts without webpack's
 * work; a developer's worker bundles on start, so it never runs a stale bundle.
 */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
  console.log(`workflows:bundle: ${WORKFLOW_BUNDLE_PATH}`);
}

main().catch(failStartup('workflows:bundle'));
