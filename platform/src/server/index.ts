export { HttpError, sendJson, startHttpServer, type RouteHandler, type RunningServer } from './http.js';
export { formatError } from './format-error.js';
