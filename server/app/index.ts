export { createApp, type AppDeps } from './create-app.ts';
export { createErrorHandler, notFound, type ErrorReport } from './http-errors.ts';
export { requestLog, type RequestLogEntry, type RequestLogOptions } from './request-log.ts';
export { redactPath } from './redact-path.ts';
