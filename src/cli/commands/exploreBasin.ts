/**
 * `samcheck explore basin --rho R --points FILE [--json]`: fate of l_inf-SAM planar starts (x > 0).
 * (Implementation filled in by the planar exact solver, src/linf/planarExact.ts.)
 */
import type { Command } from 'commander';

export function registerExploreBasin(explore: Command): void {
  explore
    .command('basin')
    .description('classify l_inf-SAM planar starts (u0, v0), x > 0, as escape | absorb | saddle')
    .requiredOption('--rho <r>', 'SAM radius rho >= 0')
    .requiredOption('--points <file>', 'JSON file [["u0","v0"], ...]')
    .option('--json', 'JSON output')
    .action(async () => {
      throw new Error('explore basin: not implemented yet');
    });
}
