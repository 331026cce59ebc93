package se.asfplan.infra.axon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each projection event handler (a handler in a class with {@link ProcessingGroup}) inside a savepoint of
 * the batch's transaction, and rolls back to it when the handler fails.
 * <p>
 * Why: a processor handles a batch of events in one transaction. When a handler fails, the dead-letter queue parks
 * the event and the batch goes on; but on PostgreSQL a failed SQL statement aborts the whole transaction, so the
 * parking itself (and every later event of the batch) would fail and the batch would be retried for ever instead
 * of the event being parked. Rolling back to the savepoint undoes just the failed handler's writes, so the batch
 * can park the event and carry on, and a parked event leaves no half-applied rows behind. Outside a transaction
 * (or for aggregates' handlers) nothing changes.
 */
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

    private final DataSource dataSource;

    public SavepointPerEventHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !AnnotatedElementUtils.hasAnnotation(original.declaringClass(), ProcessingGroup.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                Connection connection = DataSourceUtils.getConnection(dataSource);
                Savepoint savepoint = connection.setSavepoint();
                Object result;
                try {
                    result = super.handle(message, target);
                } catch (Exception | Error failure) {
                    rollBack(connection, savepoint, failure);
                    throw failure;
                }
                connection.releaseSavepoint(savepoint);
                return result;
            }
        };
    }

    private static void rollBack(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
