package se.asfplan.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider on a loopback port, as small as the pages' sign-in needs: discovery, JWK set, an
 * authorization endpoint that signs in whoever the test names ({@link #signInNext}) and insists on PKCE (S256), a
 * token endpoint that authenticates the confidential client and redeems a code once, only with the code verifier
 * matching the challenge, and a user info endpoint. Tokens are signed with {@link TestTokens}' key.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_SECRET = "hemligt-klientlosen";
    private static final String BASE = "/realms/asf";

    /** A person at the provider; {@code rolesInUserInfoOnly}: the roles claim is sent by user info, not the ID token. */
    record Person(String name, List<String> roles, boolean rolesInUserInfoOnly) {
    }

    /** An authorization request as the provider received it. */
    record AuthorizationRequest(Map<String, String> parameters) {

        String get(String name) {
            return parameters.get(name);
        }
    }

    /** A token request as the provider received it, and its answer. */
    record TokenRequest(Map<String, String> parameters, String challenge, int status, String error) {
    }

    private record Grant(String redirectUri, String challenge, String nonce, Person person) {
    }

    final TestTokens tokens = new TestTokens();
    final List<AuthorizationRequest> authorizationRequests = new CopyOnWriteArrayList<>();
    final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    /** The access tokens issued, newest last. */
    final List<String> accessTokens = new CopyOnWriteArrayList<>();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Person> byAccessToken = new ConcurrentHashMap<>();
    private volatile Person next;

    TestIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(BASE + "/.well-known/openid-configuration", exchange -> send(exchange, 200, discovery()));
        server.createContext(BASE + "/protocol/openid-connect/certs", exchange -> send(exchange, 200,
                tokens.jwkSet()));
        server.createContext(BASE + "/protocol/openid-connect/auth", this::authorize);
        server.createContext(BASE + "/protocol/openid-connect/token", this::token);
        server.createContext(BASE + "/protocol/openid-connect/userinfo", this::userInfo);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** Who the provider signs in at the next authorization request (as if the person had typed a password). */
    void signInNext(Person person) {
        next = person;
    }

    /** A token as the provider issues them for the API, of the given user and roles. */
    String accessToken(String name, String... roles) {
        return tokens.signed(claims -> claims.issuer(issuer()).audience(TestTokens.AUDIENCE)
                .subject("sub-" + name).claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", List.of(roles))));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    private String discovery() throws JsonProcessingException {
        String issuer = issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        metadata.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        metadata.put("userinfo_endpoint", issuer + "/protocol/openid-connect/userinfo");
        metadata.put("jwks_uri", jwkSetUri());
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        return json.writeValueAsString(metadata);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        authorizationRequests.add(new AuthorizationRequest(request));
        String redirectUri = request.get("redirect_uri");
        if (!OidcMode.CLIENT_ID.equals(request.get("client_id")) || redirectUri == null
                || !"code".equals(request.get("response_type"))) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String state = request.get("state") == null ? "" : "&state=" + encode(request.get("state"));
        String challenge = request.get("code_challenge");
        if (challenge == null || challenge.isBlank() || !"S256".equals(request.get("code_challenge_method"))) {
            redirect(exchange, redirectUri + "?error=invalid_request&error_description="
                    + encode("PKCE with S256 is required") + state);
            return;
        }
        Person person = next;
        if (person == null) {
            redirect(exchange, redirectUri + "?error=access_denied" + state);
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(redirectUri, challenge, request.get("nonce"), person));
        redirect(exchange, redirectUri + "?code=" + code + state);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((OidcMode.CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refuse(exchange, request, null, 401, "invalid_client");
            return;
        }
        Grant grant = grants.remove(request.getOrDefault("code", ""));
        if (!"authorization_code".equals(request.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(request.get("redirect_uri"))) {
            refuse(exchange, request, grant == null ? null : grant.challenge(), 400, "invalid_grant");
            return;
        }
        String verifier = request.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(grant.challenge())) {
            refuse(exchange, request, grant.challenge(), 400, "invalid_grant");
            return;
        }
        Person person = grant.person();
        String idToken = tokens.signed(claims -> {
            claims.issuer(issuer()).audience(OidcMode.CLIENT_ID).subject("sub-" + person.name())
                    .claim("nonce", grant.nonce()).claim("preferred_username", person.name());
            if (!person.rolesInUserInfoOnly()) {
                claims.claim("realm_access", Map.of("roles", person.roles()));
            }
        });
        String accessToken = accessToken(person.name(), person.roles().toArray(String[]::new));
        byAccessToken.put(accessToken, person);
        accessTokens.add(accessToken);
        tokenRequests.add(new TokenRequest(request, grant.challenge(), 200, null));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        answer.put("scope", "openid profile");
        answer.put("id_token", idToken);
        send(exchange, 200, json.writeValueAsString(answer));
    }

    private void refuse(HttpExchange exchange, Map<String, String> request, String challenge, int status,
                        String error) throws IOException {
        tokenRequests.add(new TokenRequest(request, challenge, status, error));
        send(exchange, status, "{\"error\":\"" + error + "\"}");
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Person person = authorization == null || !authorization.startsWith("Bearer ") ? null
                : byAccessToken.get(authorization.substring("Bearer ".length()));
        if (person == null) {
            send(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "sub-" + person.name());
        claims.put("preferred_username", person.name());
        claims.put("realm_access", Map.of("roles", person.roles()));
        send(exchange, 200, json.writeValueAsString(claims));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
