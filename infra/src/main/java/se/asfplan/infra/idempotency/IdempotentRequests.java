package se.asfplan.infra.idempotency;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request at most once per idempotency key.
 * <p>
 * The work runs inside one database transaction that first claims the key (inserts its row), then runs the
 * request (Axon's unit of work joins the transaction, so the command's events are written in it), then stores the
 * answer in the row and commits: the key, the answer and the events are committed together or not at all.
 * <ul>
 *   <li>A retry after the commit finds the row and gets the stored answer; nothing runs again.</li>
 *   <li>A retry while the first request is still running waits on the row's primary key (PostgreSQL does), then
 *       fails to insert it, rolls back and gets the stored answer.</li>
 *   <li>A request that is refused or fails (any status other than 2xx) is rolled back with its key: a corrected
 *       request may use the same key.</li>
 *   <li>The same key from another user, or with another method, path, body or If-Match, is refused.</li>
 * </ul>
 * A request must send at most one command: a second command to an aggregate the first one changed would wait for
 * Axon's aggregate lock while the first command's events are not yet committed.
 */
@Component
public class IdempotentRequests {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public IdempotentRequests(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The work of a request: runs it and gives its answer. */
    @FunctionalInterface
    public interface Work {
        StoredResponse run() throws Exception;
    }

    /**
     * Answers the request from its key's stored answer, or runs the work once and keeps its answer if it succeeds.
     *
     * @throws Exception what the work throws (its transaction is then rolled back and the key stays unused)
     */
    public Outcome handle(IdempotentRequest request, Work work) throws Exception {
        Optional<Outcome> earlier = earlierAnswer(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                if (!claim(request)) {
                    status.setRollbackOnly();
                    return null;
                }
                StoredResponse response;
                try {
                    response = work.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new WorkFailed(e);
                }
                if (!response.successful()) {
                    status.setRollbackOnly();
                    return new Outcome.NotKept(response);
                }
                keep(request, response);
                return new Outcome.Recorded(response);
            });
        } catch (WorkFailed e) {
            throw e.failure;
        }
        if (outcome != null) {
            return outcome;
        }
        // the key was claimed by a concurrent request: answer from it once it committed
        return earlierAnswer(request).orElseGet(Outcome.KeyInUse::new);
    }

    private Optional<Outcome> earlierAnswer(IdempotentRequest request) {
        List<Outcome> rows = jdbc.query("""
                select recorded_by, request_fingerprint, response_status, response_content_type, response_location,
                       response_etag, response_body
                from idempotency_key where idempotency_key = ?""", (rs, row) -> {
            if (!rs.getString("recorded_by").equals(request.user())
                    || !rs.getString("request_fingerprint").equals(request.fingerprint())) {
                return new Outcome.KeyReusedForAnotherRequest();
            }
            return new Outcome.Replayed(new StoredResponse(rs.getInt("response_status"),
                    rs.getString("response_content_type"), rs.getString("response_location"),
                    rs.getString("response_etag"), rs.getString("response_body")));
        }, request.key());
        return rows.stream().findFirst();
    }

    /** Inserts the key's row; false when another transaction holds or committed the same key. */
    private boolean claim(IdempotentRequest request) {
        try {
            jdbc.update("insert into idempotency_key (idempotency_key, recorded_by, request_fingerprint, created_at) "
                    + "values (?, ?, ?, current_timestamp)", request.key(), request.user(), request.fingerprint());
            return true;
        } catch (DuplicateKeyException | ConcurrencyFailureException e) {
            return false;
        }
    }

    private void keep(IdempotentRequest request, StoredResponse response) {
        jdbc.update("""
                update idempotency_key set response_status = ?, response_content_type = ?, response_location = ?,
                       response_etag = ?, response_body = ?
                where idempotency_key = ?""", response.status(), response.contentType(), response.location(),
                response.etag(), response.body(), request.key());
    }

    /** Carries a checked exception of the work through the transaction template. */
    private static final class WorkFailed extends RuntimeException {

        private final Exception failure;

        private WorkFailed(Exception failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
