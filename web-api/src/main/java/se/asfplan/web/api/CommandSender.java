package se.asfplan.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import se.asfplan.domain.shared.PersonalIdentityNumbers;
import se.asfplan.infra.axon.RecordingMetadata;
import se.asfplan.infra.concurrency.ExpectedVersionTargetResolver;
import se.asfplan.infra.concurrency.RecordedVersions;

/**
 * Sends a command on behalf of the authenticated user and waits until it is recorded (or refused). The user's
 * login name and the client's {@code X-Request-Id} go into the metadata of every event the command causes.
 * <p>
 * Optimistic concurrency: an {@code If-Match: "<version>"} header makes the command's target aggregate expected at
 * that version (Axon refuses it otherwise, answered 409); the version the aggregate reached is kept as a request
 * attribute for the answer's {@code ETag} and {@code version} (see {@link RecordedVersionAdvice}).
 */
@Component
public class CommandSender {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /**
     * Request attribute naming the channel a command came through when it is not the REST API itself: the web pages
     * send their forms through the API and set it to {@code web}, recorded as the events' {@code via}.
     */
    public static final String VIA_ATTRIBUTE = CommandSender.class.getName() + ".via";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern IF_MATCH_VERSION = Pattern.compile("\\s*(\"?)(\\d{1,18})\\1\\s*");
    /** The request attribute holding the version the command's aggregate reached (a {@code Long}). */
    static final String RECORDED_VERSION = CommandSender.class.getName() + ".recordedVersion";
    /** The request attribute holding the ids of the events the request's commands recorded (a {@code List}). */
    static final String RECORDED_EVENTS = CommandSender.class.getName() + ".recordedEvents";

    private final CommandGateway commandGateway;

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public void send(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(recording());
        HttpServletRequest request = currentRequest();
        Long expected = expectedVersion(request.getHeader(HttpHeaders.IF_MATCH));
        if (expected != null) {
            message = message.andMetaData(Map.of(ExpectedVersionTargetResolver.EXPECTED_VERSION, expected));
        }
        CommandMessage<?> sending = message;
        RecordedVersions.Recording recording = RecordedVersions.record(() -> commandGateway.sendAndWait(sending));
        Map<String, Long> versions = recording.versions();
        if (versions.size() == 1) {
            request.setAttribute(RECORDED_VERSION, versions.values().iterator().next());
        }
        List<String> eventIds = new ArrayList<>();
        if (request.getAttribute(RECORDED_EVENTS) instanceof List<?> earlier) {
            earlier.forEach(id -> eventIds.add(String.valueOf(id)));
        }
        eventIds.addAll(recording.eventIds());
        request.setAttribute(RECORDED_EVENTS, List.copyOf(eventIds));
    }

    /**
     * The version an {@code If-Match} header names: {@code "3"} (an ETag this API answered) or {@code 3}; none for
     * no header or {@code *} (any version).
     *
     * @throws IllegalArgumentException for any other value (400)
     */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher version = IF_MATCH_VERSION.matcher(ifMatch);
        if (!version.matches()) {
            throw new IllegalArgumentException(HttpHeaders.IF_MATCH + " must be one version as this API answers it "
                    + "in ETag, such as \"3\"");
        }
        return Long.parseLong(version.group(2));
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    public MetaData recording() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("commands are only sent for authenticated users");
        }
        HttpServletRequest request = currentRequest();
        String requestId = request.getHeader(REQUEST_ID_HEADER);
        if (requestId != null && PersonalIdentityNumbers.findIn(requestId).isPresent()) {
            throw new IllegalArgumentException(REQUEST_ID_HEADER + " must not contain a personal identity or "
                    + "coordination number: it is stored with the events, and the log keeps no personal data");
        }
        Object via = request.getAttribute(VIA_ATTRIBUTE);
        return RecordingMetadata.of(authentication.getName(), via instanceof String channel ? channel : "rest-api",
                requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null);
    }
}
