import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPlainObject } from '../src/protocol/plain-object';
import { modelsError, readJsonBody, sendError, sendJson } from './http-util';
import { applyJsonPatch, isJsonContentType, mediaTypeOf, PatchError } from './json-patch';
import { decodeIntoModel } from './model-fields';
import { keyOf, type DrpObject } from './model-keys';
import { StoreError, type ObjectStore } from './object-store';
import { claimsCover, type SimUser } from './users';

export interface ObjectRequest {
  req: IncomingMessage;
  res: ServerResponse;
  store: ObjectStore;
  user: SimUser;
  type: string;
  /** Null for the collection itself. */
  key: string | null;
}

/** The claim action a REST call needs (`doc/arch/auth.rst`); PUT and PATCH both need `update`. */
function neededAction(method: string, key: string | null): string | null {
  if (key === null) return method === 'GET' || method === 'HEAD' ? 'list' : method === 'POST' ? 'create' : null;
  switch (method) {
    case 'GET':
    case 'HEAD':
      return 'get';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'delete';
    default:
      return null;
  }
}

async function readObject(req: IncomingMessage): Promise<DrpObject> {
  const body = await readJsonBody(req);
  if (!isPlainObject(body)) throw new PatchError(400, 'body must be a JSON object');
  return body;
}

/**
 * CRUD for stored types (docs/reference/drp-protocol.md §4.2): POST -> `create`, PUT and PATCH -> `update` with
 * `Original`, DELETE -> `delete`. Errors are `models.Error` JSON; as in v3, a not-found error's
 * `Type` is the HTTP method. The claim check uses the REST action names (list/get/create/...).
 */
export async function handleObjects(r: ObjectRequest): Promise<void> {
  const { req, res, store, user, type, key } = r;
  const method = req.method ?? 'GET';
  const action = neededAction(method, key);
  if (!action) return sendError(res, modelsError(405, method, [`method ${method} not allowed`], type, key ?? ''));
  if (!claimsCover(user.claims, type, action, key ?? '*')) {
    return sendError(res, modelsError(403, 'AUTH', ['Forbidden'], type, key ?? ''));
  }
  const principal = `user:${user.name}`;
  // DRP's `assureDecode` refuses a body that is not JSON before reading it (POST, PUT and PATCH):
  // 400 with only Type and Code filled.
  const contentType = req.headers['content-type'];
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !isJsonContentType(contentType)) {
    return sendError(res, modelsError(400, method, [`Invalid content type: ${mediaTypeOf(contentType)}`]));
  }
  try {
    if (key === null && action === 'list') {
      const items = store.list(type).sort((a, b) => keyOf(type, a).localeCompare(keyOf(type, b)));
      const count = String(items.length);
      return sendJson(res, 200, items, { 'X-DRP-LIST-COUNT': count, 'X-DRP-LIST-TOTAL-COUNT': count });
    }
    if (key === null) {
      const object = await readObject(req);
      // The server assigns a UUID to a machine created without one.
      if (type === 'machines' && !object.Uuid) object.Uuid = crypto.randomUUID();
      return sendJson(res, 201, store.create(type, decodeIntoModel(type, object), principal));
    }
    const current = store.get(type, key);
    if (!current) return sendError(res, modelsError(404, method, ['Not Found'], type, key));
    switch (action) {
      case 'get':
        return sendJson(res, 200, current);
      case 'delete':
        return sendJson(res, 200, store.remove(type, key, principal));
      default: {
        let next: DrpObject;
        if (method === 'PUT') next = await readObject(req);
        else {
          next = applyJsonPatch(current, await readJsonBody(req));
        }
        // PUT and PATCH results are decoded into the model like any body (model-fields.ts).
        return sendJson(res, 200, store.replace(type, key, decodeIntoModel(type, next), principal));
      }
    }
  } catch (error) {
    if (error instanceof PatchError) {
      return sendError(res, modelsError(error.code, error.code === 409 ? 'PATCH' : method, error.messages, type, key ?? ''));
    }
    if (error instanceof StoreError) {
      return sendError(res, modelsError(error.code, error.code === 404 ? method : 'ValidationError', [error.message], type, key ?? ''));
    }
    throw error;
  }
}
