"""The Jobs area: customers distribution and sign-ins from the B2B sites."""
