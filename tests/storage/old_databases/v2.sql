--
-- PostgreSQL database dump
--

\restrict e01dtKNxhFFs0UCFNTYx0gjrschb3Sz9rJZZreqtm3gpsqLnaLKcY4Nj9uG7ucF

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: old_schema; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA old_schema;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: assessments; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.assessments (
    id integer NOT NULL,
    kind character varying(16) NOT NULL,
    answers json NOT NULL,
    notes json NOT NULL,
    knowledge_version character varying(64),
    verdict character varying(16),
    copied_from integer,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: assessments_id_seq; Type: SEQUENCE; Schema: old_schema; Owner: -
--

CREATE SEQUENCE old_schema.assessments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: assessments_id_seq; Type: SEQUENCE OWNED BY; Schema: old_schema; Owner: -
--

ALTER SEQUENCE old_schema.assessments_id_seq OWNED BY old_schema.assessments.id;


--
-- Name: respondents; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.respondents (
    id integer NOT NULL,
    team_id integer NOT NULL,
    name character varying(80) NOT NULL,
    role character varying(60) NOT NULL,
    answers json NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: respondents_id_seq; Type: SEQUENCE; Schema: old_schema; Owner: -
--

CREATE SEQUENCE old_schema.respondents_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: respondents_id_seq; Type: SEQUENCE OWNED BY; Schema: old_schema; Owner: -
--

ALTER SEQUENCE old_schema.respondents_id_seq OWNED BY old_schema.respondents.id;


--
-- Name: schema_info; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.schema_info (
    id integer NOT NULL,
    version integer NOT NULL
);


--
-- Name: schema_info_id_seq; Type: SEQUENCE; Schema: old_schema; Owner: -
--

CREATE SEQUENCE old_schema.schema_info_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: schema_info_id_seq; Type: SEQUENCE OWNED BY; Schema: old_schema; Owner: -
--

ALTER SEQUENCE old_schema.schema_info_id_seq OWNED BY old_schema.schema_info.id;


--
-- Name: team_tokens; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.team_tokens (
    token_hash character varying(64) NOT NULL,
    team_id integer NOT NULL,
    respondent_id integer,
    purpose character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: teams; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.teams (
    id integer NOT NULL,
    name character varying(120) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: teams_id_seq; Type: SEQUENCE; Schema: old_schema; Owner: -
--

CREATE SEQUENCE old_schema.teams_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: teams_id_seq; Type: SEQUENCE OWNED BY; Schema: old_schema; Owner: -
--

ALTER SEQUENCE old_schema.teams_id_seq OWNED BY old_schema.teams.id;


--
-- Name: tokens; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.tokens (
    token_hash character varying(64) NOT NULL,
    assessment_id integer NOT NULL,
    purpose character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: assessments id; Type: DEFAULT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.assessments ALTER COLUMN id SET DEFAULT nextval('old_schema.assessments_id_seq'::regclass);


--
-- Name: respondents id; Type: DEFAULT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.respondents ALTER COLUMN id SET DEFAULT nextval('old_schema.respondents_id_seq'::regclass);


--
-- Name: schema_info id; Type: DEFAULT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.schema_info ALTER COLUMN id SET DEFAULT nextval('old_schema.schema_info_id_seq'::regclass);


--
-- Name: teams id; Type: DEFAULT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.teams ALTER COLUMN id SET DEFAULT nextval('old_schema.teams_id_seq'::regclass);


--
-- Data for Name: assessments; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.assessments VALUES (1, 'draft', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v2 draft"}', NULL, NULL, NULL, '2026-12-02 06:30:41.740835+00', '2026-12-02 06:30:41.740835+00');
INSERT INTO old_schema.assessments VALUES (2, 'shared', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v2 note"}', '2026-11-article', 'evaluate', NULL, '2026-12-02 06:30:41.745343+00', '2026-12-02 06:30:41.745343+00');


--
-- Data for Name: respondents; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.respondents VALUES (1, 1, 'Ana', 'CTO', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '2026-12-02 06:30:41.754822+00', '2026-12-02 06:30:41.754822+00');


--
-- Data for Name: schema_info; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.schema_info VALUES (1, 2);


--
-- Data for Name: team_tokens; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.team_tokens VALUES ('dfa6b65906aab3434c9c04d6f09efb20987cd32ca621abb08829007fd2b3d4fb', 1, NULL, 'invite', '2026-12-02 06:30:41.749051+00');
INSERT INTO old_schema.team_tokens VALUES ('253d9af5aedf0c74f007ba6d56ef53bb6de441879296634c6ced48b3cef16531', 1, NULL, 'view', '2026-12-02 06:30:41.749109+00');
INSERT INTO old_schema.team_tokens VALUES ('eee9274954258d22c3f3c1a3eb43733f1dc2e2d912636fbffb4d7e02313e3087', 1, 1, 'respondent', '2026-12-02 06:30:41.756351+00');


--
-- Data for Name: teams; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.teams VALUES (1, 'Hosting review', '2026-12-02 06:30:41.747651+00');


--
-- Data for Name: tokens; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.tokens VALUES ('8f9c69eed2a13ea20cb6d8d1ce8c7e2811610f6244db71fb9c1eea942a169f3b', 1, 'draft', '2026-12-02 06:30:41.743274+00', NULL);
INSERT INTO old_schema.tokens VALUES ('7a1cb2b04e4d7334cba21fa8b4a3e31f2a9dc1dce3440f8f88b6b306aa8066ec', 2, 'view', '2026-12-02 06:30:41.746197+00', NULL);
INSERT INTO old_schema.tokens VALUES ('7d3045a0555abcfd7fd86a46a7a69e36a527bf8c62f4d59bdd4825fa01453bdc', 2, 'manage', '2026-12-02 06:30:41.746241+00', NULL);


--
-- Name: assessments_id_seq; Type: SEQUENCE SET; Schema: old_schema; Owner: -
--

SELECT pg_catalog.setval('old_schema.assessments_id_seq', 2, true);


--
-- Name: respondents_id_seq; Type: SEQUENCE SET; Schema: old_schema; Owner: -
--

SELECT pg_catalog.setval('old_schema.respondents_id_seq', 1, true);


--
-- Name: schema_info_id_seq; Type: SEQUENCE SET; Schema: old_schema; Owner: -
--

SELECT pg_catalog.setval('old_schema.schema_info_id_seq', 1, false);


--
-- Name: teams_id_seq; Type: SEQUENCE SET; Schema: old_schema; Owner: -
--

SELECT pg_catalog.setval('old_schema.teams_id_seq', 1, true);


--
-- Name: assessments assessments_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.assessments
    ADD CONSTRAINT assessments_pkey PRIMARY KEY (id);


--
-- Name: respondents respondents_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.respondents
    ADD CONSTRAINT respondents_pkey PRIMARY KEY (id);


--
-- Name: schema_info schema_info_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.schema_info
    ADD CONSTRAINT schema_info_pkey PRIMARY KEY (id);


--
-- Name: team_tokens team_tokens_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.team_tokens
    ADD CONSTRAINT team_tokens_pkey PRIMARY KEY (token_hash);


--
-- Name: teams teams_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);


--
-- Name: tokens tokens_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.tokens
    ADD CONSTRAINT tokens_pkey PRIMARY KEY (token_hash);


--
-- Name: ix_respondents_team_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_respondents_team_id ON old_schema.respondents USING btree (team_id);


--
-- Name: ix_team_tokens_team_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_team_tokens_team_id ON old_schema.team_tokens USING btree (team_id);


--
-- Name: ix_tokens_assessment_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_tokens_assessment_id ON old_schema.tokens USING btree (assessment_id);


--
-- Name: assessments assessments_copied_from_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.assessments
    ADD CONSTRAINT assessments_copied_from_fkey FOREIGN KEY (copied_from) REFERENCES old_schema.assessments(id);


--
-- Name: respondents respondents_team_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.respondents
    ADD CONSTRAINT respondents_team_id_fkey FOREIGN KEY (team_id) REFERENCES old_schema.teams(id);


--
-- Name: team_tokens team_tokens_respondent_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.team_tokens
    ADD CONSTRAINT team_tokens_respondent_id_fkey FOREIGN KEY (respondent_id) REFERENCES old_schema.respondents(id);


--
-- Name: team_tokens team_tokens_team_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.team_tokens
    ADD CONSTRAINT team_tokens_team_id_fkey FOREIGN KEY (team_id) REFERENCES old_schema.teams(id);


--
-- Name: tokens tokens_assessment_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.tokens
    ADD CONSTRAINT tokens_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES old_schema.assessments(id);


--
-- PostgreSQL database dump complete
--

\unrestrict e01dtKNxhFFs0UCFNTYx0gjrschb3Sz9rJZZreqtm3gpsqLnaLKcY4Nj9uG7ucF

