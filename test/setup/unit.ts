// Unit tests run without a database; the env module still needs valid defaults.
process.env.NODE_ENV = "test";
process.env.TZ = "UTC";
