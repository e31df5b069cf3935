import { API_ROUTES, ApiErrorBodySchema, type RouteContract } from "@pca/contracts";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return rest;
};

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: s,
  }));
}

const CREATED = new Set(["POST /api/users", "POST /api/tokens"]);
const ERROR = { $ref: "#/components/responses/Error" };

function operation(route: RouteContract): JsonSchema {
  const ok: JsonSchema =
    route.response.kind === "json"
      ? {
          description: "OK",
          content: { "application/json": { schema: toSchema(route.response.schema, "output") } },
        }
      : route.response.kind === "empty"
        ? { description: "No content" }
        : { description: "OK", content: { [route.response.mediaType]: { schema: { type: "string" } } } };
  const op: JsonSchema = {
    summary: route.summary,
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    "x-pca-access": route.access,
    parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
    responses: {
      [route.response.kind === "empty"
        ? "204"
        : CREATED.has(`${route.method} ${route.path}`)
          ? "201"
          : "200"]: ok,
      "400": ERROR,
      ...(route.access === "public" ? {} : { "401": ERROR, "403": ERROR }),
      "500": ERROR,
    },
    security: route.access === "public" ? [] : [{ session: [], csrf: [] }, { bearer: [] }],
  };
  if (route.body) {
    op.requestBody = {
      required: true,
      content: { "application/json": { schema: toSchema(route.body, "input") } },
    };
  }
  return op;
}

/** The OpenAPI 3.1 document of the console API, generated from API_ROUTES' zod schemas. */
export function buildOpenApi(version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of API_ROUTES as readonly RouteContract[]) {
    const path = route.path.replace(/:([A-Za-z]+)/g, "{$1}");
    paths[path] ??= {};
    const entry = paths[path];
    if (entry) entry[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: { title: "PCA Console API", version },
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "pca_session" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        bearer: { type: "http", scheme: "bearer", description: "An API token, pca_…" },
      },
      responses: {
        Error: {
          description: "The error envelope; `code` is one of the stable error codes.",
          content: { "application/json": { schema: toSchema(ApiErrorBodySchema, "output") } },
        },
      },
    },
  };
}
