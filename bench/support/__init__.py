"""What the benchmark commands share (what they share with the tests lives in harness/)."""
