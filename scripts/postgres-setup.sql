-- Sets up a PostgreSQL database for a shared Copydesk desk, with the least
-- privilege each role needs. Run it once as a superuser (or a role with
-- CREATEDB and CREATEROLE):
--
--   psql -v owner_password="$(pwgen 24 1)" -f scripts/postgres-setup.sql
--
-- copydesk_owner owns the database and its tables: Copydesk sets the tables
-- up, and upgrades them after a new release, when it is first run as this
-- role. copydesk_editor is the group of editors' own roles: they may read
-- and change the desk's rows, not its tables. Add an editor with
--
--   CREATE ROLE ana LOGIN PASSWORD '…' IN ROLE copydesk_editor;
--
-- Neither role is a superuser or may create databases or roles.

\set ON_ERROR_STOP on

CREATE ROLE copydesk_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE copydesk_editor NOLOGIN;

CREATE DATABASE copydesk OWNER copydesk_owner ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE copydesk FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE copydesk TO copydesk_editor;

\connect copydesk

-- Only the owner creates objects in the desk's schema (PostgreSQL 15 no
-- longer lets PUBLIC create there; older servers did).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO copydesk_editor;

-- The tables Copydesk creates as the owner, now and in later releases,
-- are open to editors for rows only.
ALTER DEFAULT PRIVILEGES FOR ROLE copydesk_owner IN SCHEMA public
	GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO copydesk_editor;
ALTER DEFAULT PRIVILEGES FOR ROLE copydesk_owner IN SCHEMA public
	GRANT USAGE, SELECT ON SEQUENCES TO copydesk_editor;
