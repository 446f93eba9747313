/**
 * `samcheck explore <subcommand>`: exploratory tools (basins, critical scales, leaders).
 *
 * Main definitions:
 * - `registerExplore(program)`: creates the `explore` command group; each subcommand lives in its own
 *   file and is registered here with one line (registerExploreBasin, registerExploreCriticalScale, ...).
 */
import type { Command } from 'commander';
import { registerExploreBasin } from './exploreBasin.ts';
import { registerExploreBasinMap } from './exploreBasinMap.ts';
import { registerExploreCriticalScale } from './exploreCriticalScale.ts';
import { registerExploreLeaders } from './exploreLeaders.ts';

export function registerExplore(program: Command): Command {
  const explore = program.command('explore').description('exploratory tools: basins of the l_inf-SAM plane, critical scales, leaders');
  explore.exitOverride();
  registerExploreBasin(explore);
  registerExploreBasinMap(explore);
  registerExploreCriticalScale(explore);
  registerExploreLeaders(explore);
  for (const c of explore.commands) c.exitOverride();
  return explore;
}
