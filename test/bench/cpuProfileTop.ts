/**
 * Where a server's time went: the functions with the most self time in V8 CPU profiles
 * (`BENCH_PROF=<dir> pnpm bench:sync …` writes one .cpuprofile per server process), and the
 * same summed by package or source folder.
 *
 *   tsx test/bench/cpuProfileTop.ts <file.cpuprofile> [more files] [--top=25]
 */
import { readFileSync } from 'node:fs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const top = Number(process.argv.find((arg) => arg.startsWith('--top='))?.slice('--top='.length) ?? 25);
const files = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (files.length === 0) {
  console.error('usage: tsx test/bench/cpuProfileTop.ts <file.cpuprofile> … [--top=25]');
  process.exit(2);
}

const byFunction = new Map<string, number>();
const byOrigin = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '');
    const name = `${functionName || '(anonymous)'}  ${where ? `${where}:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    byOrigin.set(originOf(url, functionName), (byOrigin.get(originOf(url, functionName)) ?? 0) + micros);
    total += micros;
  });
}

/** A package name, a source folder of this repository, or V8's own entries ((garbage collector), (program)). */
function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const source = /\/(server|shared|test)\/(?:src\/)?([^/]+)\//.exec(url);
  return source ? `${source[1]}/${source[2]}` : url;
}

const share = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
const print = (title: string, entries: Map<string, number>, count: number) => {
  console.log(`\n${title}`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${share(micros)}  ${(micros / 1e6).toFixed(2).padStart(7)} s  ${name}`);
  }
};
console.log(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by origin', byOrigin, 15);
print('self time by function', byFunction, top);
