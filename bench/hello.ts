// The floor: a compiled Bun "hello world", built with the same flags as calc.
console.log("hello, world");
