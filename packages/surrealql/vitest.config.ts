import { packageConfig } from "@baton/vitest-config";

export default packageConfig(import.meta.dirname);
