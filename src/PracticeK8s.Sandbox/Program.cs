// The sandbox API server's entry point (filled in by "Sandbox, part 1").
return 0;
