// A durable job queue on a SQL table, reached through Baton with the stock @libsql/client.
// Claiming is an interactive write transaction that spans several HTTP requests (batons), so
// two workers never take the same job.
import type { Client } from "@libsql/client";

export interface Job {
  readonly id: bigint;
  readonly kind: string;
  readonly payload: string;
}

export class JobQueue {
  readonly #db: Client;

  constructor(db: Client) {
    this.#db = db;
  }

  /** Creates the table (idempotent), through the client's migration path. */
  async setUp(): Promise<void> {
    await this.#db.migrate([
      `CREATE TABLE IF NOT EXISTS jobs (
         id INTEGER PRIMARY KEY,
         kind TEXT NOT NULL,
         payload TEXT NOT NULL,
         state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
         worker TEXT,
         result TEXT
       )`,
      "CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, id)",
    ]);
  }

  async enqueue(jobs: readonly { kind: string; payload: string }[]): Promise<void> {
    await this.#db.batch(
      jobs.map((job) => ({ sql: "INSERT INTO jobs(kind, payload) VALUES (?, ?)", args: [job.kind, job.payload] })),
      "write",
    );
  }

  /** Takes the oldest queued job for `worker`, or undefined when none is left. */
  async claim(worker: string): Promise<Job | undefined> {
    const tx = await this.#db.transaction("write");
    try {
      const found = await tx.execute("SELECT id, kind, payload FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1");
      const row = found.rows[0];
      if (row === undefined) {
        await tx.rollback();
        return undefined;
      }
      const id = BigInt(row.id as number | bigint);
      await tx.execute({ sql: "UPDATE jobs SET state = 'running', worker = ? WHERE id = ?", args: [worker, id] });
      await tx.commit();
      return { id, kind: row.kind as string, payload: row.payload as string };
    } finally {
      tx.close();
    }
  }

  async complete(job: Job, result: string): Promise<void> {
    await this.#db.execute({ sql: "UPDATE jobs SET state = 'done', result = ? WHERE id = ?", args: [result, job.id] });
  }

  async counts(): Promise<Record<string, number>> {
    const rs = await this.#db.execute("SELECT state, count(*) AS n FROM jobs GROUP BY state");
    return Object.fromEntries(rs.rows.map((row) => [row.state as string, Number(row.n)]));
  }
}

/** Runs jobs until the queue is empty; returns how many this worker did. */
export async function drain(queue: JobQueue, options: { worker: string; run: (job: Job) => Promise<string> }): Promise<number> {
  let done = 0;
  for (let job = await queue.claim(options.worker); job !== undefined; job = await queue.claim(options.worker)) {
    await queue.complete(job, await options.run(job));
    done++;
  }
  return done;
}
