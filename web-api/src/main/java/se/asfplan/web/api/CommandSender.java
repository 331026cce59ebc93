package se.asfplan.web.api;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.asfplan.domain.shared.PersonalIdentityNumbers;
import se.asfplan.infra.axon.RecordingMetadata;

/**
 * Sends a command on behalf of the authenticated user and waits until it is recorded (or refused). The user's
 * login name and the client's {@code X-Request-Id} go into the metadata of every event the command causes.
 */
@Component
public class CommandSender {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CommandGateway commandGateway;

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public void send(Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(recording()));
    }

    public MetaData recording() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("commands are only sent for authenticated users");
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && PersonalIdentityNumbers.findIn(requestId).isPresent()) {
            throw new IllegalArgumentException(REQUEST_ID_HEADER + " must not contain a personal identity or "
                    + "coordination number: it is stored with the events, and the log keeps no personal data");
        }
        return RecordingMetadata.of(authentication.getName(), "rest-api",
                requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null);
    }
}
