package se.asfplan.web.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic against configured users. Reading needs any role; recording needs COORDINATOR; anything not listed
 * here is denied.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecurityConfiguration.Users.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        String[] anyRole = {Role.COORDINATOR.name(), Role.AUDITOR.name(), Role.COMMITTEE.name()};
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(anyRole)
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.COORDINATOR.name())
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    UserDetailsService users(Users users) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(users.users().stream()
                .map(user -> User.withUsername(user.name())
                        .password(user.password().startsWith("{") ? user.password() : encoder.encode(user.password()))
                        .roles(user.role().name())
                        .build())
                .toList());
    }

    /**
     * @param users the configured users, each with one role; a password may be given in Spring Security's
     *              {@code {id}encoded} form (e.g. {@code {bcrypt}...}) or in plain text, which is encoded at start
     */
    @ConfigurationProperties("tracker.security")
    public record Users(List<ConfiguredUser> users) {
        public Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record ConfiguredUser(String name, String password, Role role) {
    }
}
