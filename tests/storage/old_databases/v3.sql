--
-- PostgreSQL database dump
--

\restrict 2j9P6haYoDBcg16bb6dpvYmclBlD3pLU8kx9E03RCUKIaDMMV6JJ9oLmcdoHfvF

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
-- Name: links; Type: TABLE; Schema: old_schema; Owner: -
--

CREATE TABLE old_schema.links (
    token_hash character varying(64) NOT NULL,
    purpose character varying(16) NOT NULL,
    assessment_id integer,
    team_id integer,
    respondent_id integer,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


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

INSERT INTO old_schema.assessments VALUES (1, 'draft', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v3 draft"}', NULL, NULL, NULL, '2026-12-02 06:30:42.741391+00', '2026-12-02 06:30:42.741391+00');
INSERT INTO old_schema.assessments VALUES (2, 'shared', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v3 note"}', '2026-11-article', 'evaluate', NULL, '2026-12-02 06:30:42.745979+00', '2026-12-02 06:30:42.745979+00');


--
-- Data for Name: links; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.links VALUES ('5a91703a154ae602ec4a30a309a2d971714b8d0cc79e6e9f799e1ad5c3681cc1', 'draft', 1, NULL, NULL, '2026-12-02 06:30:42.743934+00', NULL);
INSERT INTO old_schema.links VALUES ('74017d7d0a63f4a594203741092223fa58612049df5f5ef0105351fccea9f37c', 'view', 2, NULL, NULL, '2026-12-02 06:30:42.746834+00', NULL);
INSERT INTO old_schema.links VALUES ('19f49de5e928169ac48bf55af71cc30388aa67c520b72171fe73cf59f678e0c0', 'manage', 2, NULL, NULL, '2026-12-02 06:30:42.746884+00', NULL);
INSERT INTO old_schema.links VALUES ('74fe298777efe9d3ec9a426f712daaf55a7f36585107a82e1d98cdd3ef6f91c6', 'invite', NULL, 1, NULL, '2026-12-02 06:30:42.749801+00', NULL);
INSERT INTO old_schema.links VALUES ('56cae96e13b630cc29e7449ffe8f027290659c99e4b4977170ed8aea8eff141d', 'team_view', NULL, 1, NULL, '2026-12-02 06:30:42.749856+00', NULL);
INSERT INTO old_schema.links VALUES ('5dcd7d1c4aa589b284739f39025d9eed0a1e4c547eaecb2a9668078d8fc2477b', 'team_manage', NULL, 1, NULL, '2026-12-02 06:30:42.74988+00', NULL);
INSERT INTO old_schema.links VALUES ('865d585520aa641c39d5ea60fa6e1601a31f0a9f7f529627723d15c7059107e3', 'respondent', NULL, 1, 1, '2026-12-02 06:30:42.757705+00', NULL);


--
-- Data for Name: respondents; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.respondents VALUES (1, 1, 'Ana', 'CTO', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '2026-12-02 06:30:42.756158+00', '2026-12-02 06:30:42.756158+00');


--
-- Data for Name: schema_info; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.schema_info VALUES (1, 3);


--
-- Data for Name: teams; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.teams VALUES (1, 'Hosting review', '2026-12-02 06:30:42.748507+00');


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
-- Name: links links_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.links
    ADD CONSTRAINT links_pkey PRIMARY KEY (token_hash);


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
-- Name: teams teams_pkey; Type: CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.teams
    ADD CONSTRAINT teams_pkey PRIMARY KEY (id);


--
-- Name: ix_links_assessment_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_links_assessment_id ON old_schema.links USING btree (assessment_id);


--
-- Name: ix_links_team_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_links_team_id ON old_schema.links USING btree (team_id);


--
-- Name: ix_respondents_team_id; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_respondents_team_id ON old_schema.respondents USING btree (team_id);


--
-- Name: assessments assessments_copied_from_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.assessments
    ADD CONSTRAINT assessments_copied_from_fkey FOREIGN KEY (copied_from) REFERENCES old_schema.assessments(id);


--
-- Name: links links_assessment_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.links
    ADD CONSTRAINT links_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES old_schema.assessments(id);


--
-- Name: links links_respondent_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.links
    ADD CONSTRAINT links_respondent_id_fkey FOREIGN KEY (respondent_id) REFERENCES old_schema.respondents(id);


--
-- Name: links links_team_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.links
    ADD CONSTRAINT links_team_id_fkey FOREIGN KEY (team_id) REFERENCES old_schema.teams(id);


--
-- Name: respondents respondents_team_id_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.respondents
    ADD CONSTRAINT respondents_team_id_fkey FOREIGN KEY (team_id) REFERENCES old_schema.teams(id);


--
-- PostgreSQL database dump complete
--

\unrestrict 2j9P6haYoDBcg16bb6dpvYmclBlD3pLU8kx9E03RCUKIaDMMV6JJ9oLmcdoHfvF

