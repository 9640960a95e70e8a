import { execFile } from 'node:child_process';
import os from 'node:os';
import type { RunContext } from '../model/result.js';

/** git answers in milliseconds; a hung one (network file system, lock) must not hold the run. */
const GIT_TIMEOUT_MS = 1500;

/**
 * CI systems by the variable each one sets. Only whether a variable is set is read, never its
 * value: a report may be shared further than the CI log, and values can hold secrets.
 */
const CI_MARKERS: [variable: string, name: string][] = [
  ['GITHUB_ACTIONS', 'github-actions'],
  ['GITLAB_CI', 'gitlab'],
  ['JENKINS_URL', 'jenkins'],
  ['CIRCLECI', 'circleci'],
  ['BUILDKITE', 'buildkite'],
  ['TF_BUILD', 'azure-pipelines'],
  ['BITBUCKET_BUILD_NUMBER', 'bitbucket'],
  ['TRAVIS', 'travis'],
  ['CI', 'ci'],
];

/**
 * When and where the run happened: host name, git commit, branch and whether the work tree had
 * changes, and the CI system. Fails soft: outside a git repository, without git, or when git is
 * slow, the git part is simply absent. Never throws.
 */
export async function runContext(cwd: string, env: Record<string, string | undefined>): Promise<RunContext> {
  const [commit, branch, status] = await Promise.all([
    git(cwd, env, ['rev-parse', 'HEAD']),
    git(cwd, env, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(cwd, env, ['status', '--porcelain', '--untracked-files=no']),
  ]);
  const ci = CI_MARKERS.find(([variable]) => env[variable] !== undefined && env[variable] !== '' && env[variable] !== 'false')?.[1];
  return {
    host: os.hostname(),
    ...(commit &&
      /^[0-9a-f]{40,64}$/.test(commit) && {
        git: {
          commit,
          // A detached HEAD (usual in CI checkouts) has no branch name: `HEAD`.
          ...(branch && branch !== 'HEAD' && { branch }),
          ...(status !== undefined && { dirty: status !== '' }),
        },
      }),
    ...(ci && { ci }),
  };
}

/**
 * git's trimmed stdout, or undefined when it fails, is missing or times out. GIT_OPTIONAL_LOCKS=0:
 * `git status` must not take the index lock under a build that runs git itself.
 */
function git(cwd: string, env: Record<string, string | undefined>, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile(
        'git',
        args,
        { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true, env: { ...env, GIT_OPTIONAL_LOCKS: '0' } },
        (error, stdout) => {
          resolve(error ? undefined : String(stdout).trim());
        },
      );
    } catch {
      resolve(undefined);
    }
  });
}
