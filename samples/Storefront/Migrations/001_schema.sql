-- Storefront schema. Applied by the sample at start-up; the SQL analyzers read it as the schema of record.

CREATE TABLE products (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text          NOT NULL,
    name        text          NOT NULL,
    category    text          NOT NULL,
    unit_price  numeric(10,2) NOT NULL CHECK (unit_price > 0),
    -- Orders decrement stock in the same transaction; the constraint is what refuses an oversold product.
    stock       integer       NOT NULL CONSTRAINT products_stock_not_negative CHECK (stock >= 0),
    CONSTRAINT products_sku_unique UNIQUE (sku)
);

-- Category pages list a category in id order (keyset pagination).
CREATE INDEX products_category_id_idx ON products (category, id);

CREATE TABLE customers (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text         NOT NULL,
    name        text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT customers_email_unique UNIQUE (email)
);

CREATE TABLE orders (
    id                 bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id        bigint        NOT NULL REFERENCES customers (id),
    status             text          NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'paid', 'cancelled')),
    total              numeric(12,2) NOT NULL CHECK (total >= 0),
    payment_reference  text,
    placed_at          timestamptz   NOT NULL DEFAULT now()
);

-- A customer's order history, newest first.
CREATE INDEX orders_customer_id_placed_at_idx ON orders (customer_id, placed_at DESC);

CREATE TABLE order_lines (
    order_id    bigint        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no     smallint      NOT NULL,
    product_id  bigint        NOT NULL REFERENCES products (id),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Foreign keys are not indexed by PostgreSQL itself: this one serves "who bought this product".
CREATE INDEX order_lines_product_id_idx ON order_lines (product_id);
