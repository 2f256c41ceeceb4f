-- K12: "every read is audited" holds only if the audit trail cannot be edited afterwards. The
-- database itself refuses to change or remove a row of `credential_reads` (also for TRUNCATE),
-- whatever client or bug tries it. Runs unchanged on PGlite and PostgreSQL.
CREATE FUNCTION credential_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credential_reads is append-only (K12 audit trail): % refused', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER credential_reads_no_change BEFORE UPDATE OR DELETE ON credential_reads
  FOR EACH ROW EXECUTE FUNCTION credential_reads_append_only();
CREATE TRIGGER credential_reads_no_truncate BEFORE TRUNCATE ON credential_reads
  FOR EACH STATEMENT EXECUTE FUNCTION credential_reads_append_only();
