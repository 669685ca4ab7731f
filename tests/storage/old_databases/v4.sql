--
-- PostgreSQL database dump
--

\restrict sTAX3nMq95ZYoueJ8HSXw4D0L23GMgFlaqYZMcKGreKUe9IgcVZLE1AoF8uR8Tw

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
    shared_from integer,
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

INSERT INTO old_schema.assessments VALUES (1, 'draft', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v4 draft"}', NULL, NULL, NULL, NULL, '2026-12-02 06:30:43.661936+00', '2026-12-02 06:30:43.661936+00');
INSERT INTO old_schema.assessments VALUES (2, 'shared', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '{"_overall": "v4 note"}', '2026-11-article', 'evaluate', NULL, NULL, '2026-12-02 06:30:43.666627+00', '2026-12-02 06:30:43.666627+00');


--
-- Data for Name: links; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.links VALUES ('bca08fa8bfd886882519a4c32f826c1d17b560f8c4ff00f8ff381307ebf1a9c4', 'draft', 1, NULL, NULL, '2026-12-02 06:30:43.664492+00', NULL);
INSERT INTO old_schema.links VALUES ('3d867ed3fb0bb92e919818fc569aab615b795873c11045244c19dc92d8d9fa62', 'view', 2, NULL, NULL, '2026-12-02 06:30:43.667479+00', NULL);
INSERT INTO old_schema.links VALUES ('a8ece7d4e85e8cffb9016c9533805cc6193b9a9c6a80f4f44dae6d29c6925e8f', 'manage', 2, NULL, NULL, '2026-12-02 06:30:43.667526+00', NULL);
INSERT INTO old_schema.links VALUES ('87a94ad84454ab94b5f16e6f9091c96c75af19b5bf8e352bbdaf7140d03847f1', 'invite', NULL, 1, NULL, '2026-12-02 06:30:43.670289+00', NULL);
INSERT INTO old_schema.links VALUES ('8367ab1453e0d30b8487cd576b0624907747083d5e78356b48ce41cee2bbb89a', 'team_view', NULL, 1, NULL, '2026-12-02 06:30:43.670343+00', NULL);
INSERT INTO old_schema.links VALUES ('18fccba4cd6170452356be0d451ef1ae7867bac2675fea06de52dda717a164d3', 'team_manage', NULL, 1, NULL, '2026-12-02 06:30:43.670366+00', NULL);
INSERT INTO old_schema.links VALUES ('21fc17e26528a53d1948df8bea94085230a5338313c9cae60dcd66e6807599c6', 'respondent', NULL, 1, 1, '2026-12-02 06:30:43.67776+00', NULL);


--
-- Data for Name: respondents; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.respondents VALUES (1, 1, 'Ana', 'CTO', '{"org_name": "Quill Labs", "industry": "software", "employees": "under_250", "claude_usage": "direct_api", "hosting_role_sought": "backup", "edge_sites": "none", "starlink": "no", "latency_target_ms": null, "edge_traffic_pct": 0, "uptime_target": "none", "contractual_sla": false, "support_24x7": false, "unproven_provider_tolerance": "yes", "monthly_tokens": "under_10m", "workloads": ["inference"], "dedicated_capacity": false, "regulations": [], "data_residency": false, "attestations_required": false, "concentration_concern": "high", "risk_appetite": "early_adopter", "decision_horizon": "6_to_18_months", "price_sensitivity": "medium"}', '2026-12-02 06:30:43.676303+00', '2026-12-02 06:30:43.676303+00');


--
-- Data for Name: schema_info; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.schema_info VALUES (1, 4);


--
-- Data for Name: teams; Type: TABLE DATA; Schema: old_schema; Owner: -
--

INSERT INTO old_schema.teams VALUES (1, 'Hosting review', '2026-12-02 06:30:43.669039+00');


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
-- Name: ix_assessments_shared_from; Type: INDEX; Schema: old_schema; Owner: -
--

CREATE INDEX ix_assessments_shared_from ON old_schema.assessments USING btree (shared_from);


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
-- Name: assessments assessments_shared_from_fkey; Type: FK CONSTRAINT; Schema: old_schema; Owner: -
--

ALTER TABLE ONLY old_schema.assessments
    ADD CONSTRAINT assessments_shared_from_fkey FOREIGN KEY (shared_from) REFERENCES old_schema.assessments(id);


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

\unrestrict sTAX3nMq95ZYoueJ8HSXw4D0L23GMgFlaqYZMcKGreKUe9IgcVZLE1AoF8uR8Tw

