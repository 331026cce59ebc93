package se.asfplan.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Refuses any command that does not say who records it: an event without its recording user could not be
 * audited, so it must never be written.
 */
class RecordedByRequiredInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object recordedBy = unitOfWork.getMessage().getMetaData().get(RecordingMetadata.RECORDED_BY);
        if (!(recordedBy instanceof String user) || user.isBlank()) {
            throw new IllegalStateException("A command must carry the recording user in its metadata ("
                    + RecordingMetadata.RECORDED_BY + ")");
        }
        return chain.proceed();
    }
}
