#!/usr/bin/env node
// Demo: BATON_URL=http://127.0.0.1:8000 baton-example-worker — enqueues jobs and drains them
// with a few concurrent workers, then prints what each did.
import { createClient } from "@libsql/client";
import { drain, JobQueue } from "./job-queue.js";

const url = process.env.BATON_URL ?? "http://127.0.0.1:8000";
const db = createClient({ url, ...(process.env.BATON_TOKEN ? { authToken: process.env.BATON_TOKEN } : {}) });
const queue = new JobQueue(db);
await queue.setUp();
await queue.enqueue(Array.from({ length: 20 }, (_, i) => ({ kind: "square", payload: String(i) })));
const done = await Promise.all(
  ["a", "b", "c"].map((worker) =>
    drain(queue, { worker, run: async (job) => String(Number(job.payload) ** 2) }),
  ),
);
console.log(`workers did ${done.join(", ")} jobs; queue now ${JSON.stringify(await queue.counts())}`);
db.close();
