package se.asfplan.infra.idempotency;

/**
 * The answer given to an idempotent request, as kept for its retries: the status, the body (UTF-8 text, the JSON
 * the API answers with) and the headers a client acts on.
 *
 * @param status      the HTTP status code
 * @param contentType the body's media type, or {@code null} without a body
 * @param location    the {@code Location} header, or {@code null}
 * @param etag        the {@code ETag} header (the recorded version), or {@code null}
 * @param body        the body, or {@code null}
 */
public record StoredResponse(int status, String contentType, String location, String etag, String body) {

    /** Whether the request succeeded: only then is its answer kept and its key used up. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
