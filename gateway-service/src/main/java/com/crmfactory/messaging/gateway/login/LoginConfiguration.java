package com.crmfactory.messaging.gateway.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;

import com.crmfactory.messaging.gateway.agent.AgentService;
import com.crmfactory.messaging.gateway.web.Blocking;

import reactor.core.publisher.Mono;

/** The pieces of the web inbox's sign-in: passwords, accounts, the session and the CSRF cookie. */
@Configuration(proxyBeanMethods = false)
public class LoginConfiguration {

    /** {@code {bcrypt}…} today; hashes made by another encoder later keep verifying (the id prefix names it). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService agentAccounts(AgentService agents) {
        return email -> Blocking.call(() -> agents.forSignIn(email)).flatMap(Mono::justOrEmpty);
    }

    /** Checks the password (off the event loop: bcrypt is slow on purpose), then forgets the hash. */
    @Bean
    AgentAuthenticationManager agentAuthenticationManager(ReactiveUserDetailsService accounts, PasswordEncoder passwords) {
        UserDetailsRepositoryReactiveAuthenticationManager checks = new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        checks.setPasswordEncoder(passwords);
        return new AgentAuthenticationManager(checks);
    }

    /** The signed-in agent lives in the server-side web session (cookie {@code SESSION}: HttpOnly, SameSite=Lax). */
    @Bean
    ServerSecurityContextRepository sessionSecurityContext() {
        return new WebSessionServerSecurityContextRepository();
    }

    /**
     * Double-submit CSRF token for cookie-authenticated writes: cookie {@code XSRF-TOKEN} (readable by the page's
     * script, which sends it back as {@code X-XSRF-TOKEN}), path {@code /}.
     */
    @Bean
    ServerCsrfTokenRepository csrfTokens() {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }
}
