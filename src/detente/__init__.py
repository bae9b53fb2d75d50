"""detente: political event data from news."""
