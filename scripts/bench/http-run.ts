// One autocannon run against 127.0.0.1, bounded in time: every response's latency (not autocannon's
// bucketed histogram) summarised, and the count of non-2xx answers, errors and timeouts.
import autocannon from "autocannon";
import { summarizeLatencies, type LatencySummary } from "@/lib/bench/latency-summary";

export type HttpRun = LatencySummary & { errors: number; latencies: number[] };

export async function httpRun(url: string, connections: number, seconds: number): Promise<HttpRun> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
      else errors++;
    });
  });
  return { ...summarizeLatencies(latencies), errors: errors + result.errors + result.timeouts, latencies };
}
