// Schemas of Baton's wire messages. Protocol groups live under their own subpath
// (`@baton/protocol-types/hrana`); this entry holds what every group shares.
export { validatorFor, type Validator } from "./validator.js";
export { registry } from "./registry.js";
export { ErrorCodes, GatewayError, isErrorCode, toGatewayError, type ErrorCode, type Fault } from "./errors.js";
export type { SqlValue } from "./sql-value.js";
