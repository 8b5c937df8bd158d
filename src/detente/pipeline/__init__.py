"""Text -> sentences -> mentions -> actors -> events. Each module is one stage."""
