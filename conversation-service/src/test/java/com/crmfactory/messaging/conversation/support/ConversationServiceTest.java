package com.crmfactory.messaging.conversation.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.crmfactory.messaging.support.web.OrgContextToken;

/**
 * The service running for a test class ({@link ConversationIT}), an HTTP client that calls it as the
 * gateway would, and database probes; each test gets an org of its own.
 */
@ConversationIT
public abstract class ConversationServiceTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected OrgContextToken tokens;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected Conversations conversations;
    protected String org;

    /** A short label naming the test class's orgs (they are made unique per test). */
    protected abstract String orgLabel();

    @BeforeEach
    void connect() {
        api = new Api(port, tokens);
        conversations = new Conversations(jdbc);
        org = Fixtures.org(orgLabel());
    }
}
