"""Webhooks: endpoints a person registers, to which each of their notifications is
delivered, signed as Standard Webhooks says, by a separate worker (docs/notifications.md)."""
