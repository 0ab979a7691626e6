-- Agent accounts of the web inbox: people of an org who sign in with an e-mail and a password.
-- The password is stored only as a DelegatingPasswordEncoder hash ({bcrypt}...). An e-mail signs in to
-- one account only (login is by e-mail), whatever its case.
CREATE TABLE agent (
    id             UUID         PRIMARY KEY,
    org_id         TEXT         NOT NULL REFERENCES org (id),
    email          TEXT         NOT NULL,
    display_name   TEXT         NOT NULL,
    role           TEXT         NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash  TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    disabled_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX agent_email ON agent (lower(email));
CREATE INDEX agent_org ON agent (org_id);
