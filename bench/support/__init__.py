"""What the benchmarks and the fault tests share: a gunicorn server and a cuttable proxy."""
