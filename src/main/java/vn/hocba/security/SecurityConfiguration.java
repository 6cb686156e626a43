package vn.hocba.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open which address. Pages use form login with a session (30 minutes idle) and CSRF
 * tokens; API clients may instead send a bearer token from {@code POST /api/auth/token}. Finer
 * rights (which class, which subject) are checked in the services through {@link AccessPolicy}.
 * The process engine is not reachable over HTTP, except Cockpit for reading when switched on.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    private static final String VERIFICATION_API = "/api/signatures/verification";

    // Not the API description (/v3/api-docs, /swagger-ui): it is for the people and programs that hold an account
    // (a session or a bearer token), not a map of every address for whoever finds the server (attack 28).
    private static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
        "/api/auth/token",
        // Anyone holding a printed document checks it here (QR code); shows no personal data beyond name and class.
        "/xac-minh/**",
        // ... and whoever received a PDF checks its signatures (no account: a university, an employer).
        VERIFICATION_API};

    /**
     * Pages load scripts, styles, images and fonts only from HocBa itself (no inline script or style:
     * the pages have none), post forms only to it, and are never framed. Scripts may call the local signing
     * agent on this PC (127.0.0.1, port {@code hocba.own-keys.agent-port}, default 17365, README "Ký số bằng
     * USB token") and nothing else outside HocBa.
     */
    static String contentSecurityPolicy(int agentPort) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self' http://127.0.0.1:" + agentPort
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** One manager for the login page and the token endpoint; every password check is throttled by {@link LoginLockout}. */
    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwords,
            ApplicationEventPublisher events, Accounts accounts, LoginLockout lockout, UnknownNameGuesses unknownNames,
            PasswordCheckTurns turns) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        // A disabled account is said to be disabled only to whoever typed its password: Spring checks the
        // account's state before the password by default, so a wrong password told anyone the account exists.
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        ProviderManager manager = new ProviderManager(new ThrottledAuthenticationProvider(provider, accounts, lockout,
                unknownNames, turns));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager manager, ApiTokens tokens,
            Accounts accounts, ApiAccessDeniedHandler denied, LoginFailureHandler loginFailure, ReturnAfterLogin loggedIn,
            @Value("${hocba.camunda.cockpit.enabled:false}") boolean cockpit,
            @Value("${hocba.own-keys.agent-port:17365}") int agentPort) throws Exception {
        http.authenticationManager(manager);
        PageSessions pages = new PageSessions(new OrRequestMatcher(Arrays.stream(PUBLIC)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList()));
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
        RequestMatcher cockpitReading = cockpit ? new CockpitReading() : request -> false;
        // Before the CSRF check: it skips the token only for a request this filter authenticated.
        http.addFilterBefore(new BearerTokenFilter(tokens, accounts), CsrfFilter.class)
                // After the bearer filter (same position, added later): a disabled account or a changed password ends the login.
                .addFilterBefore(new SessionAccountCheck(accounts), CsrfFilter.class)
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/api/**").ignoringRequestMatchers(
                        BearerTokenFilter::authenticatedByToken,
                        (HttpServletRequest r) -> r.getRequestURI().equals(r.getContextPath() + "/api/auth/token"),
                        // Stateless and changes nothing: a forged cross-site POST could gain nothing from a session.
                        (HttpServletRequest r) -> r.getRequestURI().equals(r.getContextPath() + VERIFICATION_API)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        // Nobody deploys, starts, completes or changes anything in the engine over HTTP (issue 13):
                        // no engine REST API; Cockpit, when switched on, only reads, for the admin board only.
                        .requestMatchers("/engine-rest/**").denyAll()
                        .requestMatchers(cockpitReading).hasRole("ADMIN_BOARD")
                        .requestMatchers("/camunda/**").denyAll()
                        .anyRequest().authenticated())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        // Camunda's webapp sends its own policy (a second one would break Cockpit).
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/"),
                                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy(agentPort)))))
                // After the login: the page the person was on (an expired session), or the change of a temporary password.
                .formLogin(form -> form.loginPage("/login").successHandler(loggedIn).failureHandler(loginFailure))
                // Logging out also revokes every bearer token of the person.
                // The cookie goes too, so that the next visit is not taken for an expired session.
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID")
                        .addLogoutHandler((request, response, auth) -> {
                            if (auth != null && auth.getPrincipal() instanceof HocBaUser user) {
                                tokens.revokeAll(user.account().id());
                            }
                        }))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAccessDeniedHandlerFor(denied, api)
                        // Pages: to the login page, saying when the session expired, and back afterwards.
                        .defaultAuthenticationEntryPointFor(pages, request -> !api.matches(request))
                        .defaultAccessDeniedHandlerFor(pages, request -> !api.matches(request)))
                .sessionManagement(session -> session.sessionFixation(fix -> fix.changeSessionId()));
        return http.build();
    }
}
