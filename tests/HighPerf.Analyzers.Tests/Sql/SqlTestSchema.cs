using HighPerf.Analyzers.Sql;

namespace HighPerf.Analyzers.Tests.Sql;

/// <summary>
/// The migrations every SQL rule test runs against (also loaded into PostgreSQL by the planner truth check).
/// File names are deliberately out of order in the array: the schema must apply them by name.
/// </summary>
internal static class SqlTestSchema
{
    internal static readonly SqlSchemaFile[] Files =
    {
        new("db/migrations/002_orders.sql", """
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                customer_id bigint NOT NULL REFERENCES customers (id),
                status text NOT NULL,
                total numeric(12, 2) NOT NULL,
                created_at timestamptz NOT NULL,
                shipped_at timestamptz,
                note text
            );
            -- Composite: serves status alone, and total only after status = ...
            CREATE INDEX ix_orders_status_total ON orders (status, total);
            CREATE INDEX ix_orders_created_at ON orders USING btree (created_at DESC);
            """),
        new("db/migrations/001_customers.sql", """
            /* Customers: email is UNIQUE (indexed), country is not. */
            CREATE TABLE Customers (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                email text NOT NULL UNIQUE,
                name text NOT NULL,
                country text,
                created_at timestamptz NOT NULL DEFAULT now()
            );
            """),
        new("db/migrations/003_items_and_products.sql", """
            CREATE TABLE public.products (
                id bigint PRIMARY KEY,
                sku text NOT NULL,
                name text NOT NULL,
                price numeric(12, 2) NOT NULL,
                "Category" text
            );
            CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ux_products_lower_sku ON products (lower(sku));

            CREATE TABLE order_items (
                order_id bigint NOT NULL,
                line int NOT NULL,
                product_id bigint NOT NULL,
                quantity int NOT NULL,
                CONSTRAINT pk_order_items PRIMARY KEY (order_id, line),
                CONSTRAINT fk_order_items_product FOREIGN KEY (product_id) REFERENCES products (id)
            );

            CREATE VIEW recent_orders AS
                SELECT id, customer_id, total FROM orders WHERE created_at > now() - interval '7 days';
            """),
        new("db/migrations/004_changes.sql", """
            ALTER TABLE customers ADD COLUMN phone text;
            ALTER TABLE orders ADD COLUMN legacy_code text;
            ALTER TABLE orders DROP COLUMN legacy_code;
            CREATE INDEX ix_orders_shipped_at ON orders (shipped_at) WHERE shipped_at IS NOT NULL;
            CREATE TABLE audit_log (id bigint, payload jsonb);
            DROP TABLE audit_log;
            """),
    };

    internal static readonly SqlSchema Schema = SqlSchema.Parse(Files, CancellationToken.None);

    internal static List<SqlFinding> Check(string sql, SqlSchema? schema = null)
    {
        var findings = new List<SqlFinding>();
        SqlChecker.Check(sql, schema ?? Schema, findings, CancellationToken.None);
        return findings;
    }

    internal static List<SqlFinding> Check(string sql, string ruleId, SqlSchema? schema = null) =>
        Check(sql, schema).Where(f => f.RuleId == ruleId).ToList();

    /// <summary>The SQL text a finding points at.</summary>
    internal static string Span(string sql, SqlFinding finding) => sql.Substring(finding.Start, finding.Length);
}
