"""glossary package."""
