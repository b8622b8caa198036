// Every kind of expression of the HCL native syntax, one per attribute.
literals {
  integer     = 42
  decimal     = 3.25
  exponent    = 1.5e3
  negative    = -7
  yes         = true
  no          = false
  nothing     = null
  text        = "plain"
  escapes     = "tab\there \"quoted\" back\\slash \u00e9 \U0001F600 $${literal} %%{literal}"
}

operators {
  arithmetic  = 1 + 2 * 3 - 4 / 2 % 3
  comparison  = var.a < 1 || var.b >= 2 && var.c != "x"
  equality    = var.a == var.b
  unary       = !var.flag && -var.n < 0
  grouped     = (1 + 2) * 3
  conditional = var.a ? "a" : var.b ? "b" : "c"
}

traversals {
  attribute    = var.settings.name
  index        = var.list[0]
  key          = var.map["key"]
  legacy_index = var.list.0
  full_splat   = aws_instance.web[*].id
  attr_splat   = aws_instance.web.*.private_ip
  splat_index  = aws_instance.web[*].network_interface[0].id
  call_result  = element(var.list, 1).name
}

calls {
  none          = timestamp()
  several       = max(1, 2, 3)
  expanded      = max(var.numbers...)
  trailing      = format("%s-%s", "a", "b",)
  nested        = upper(lower(trimspace(" X ")))
  provider_func = provider::terraform::encode_tfvars({ a = 1 })
  multi_line = merge(
    var.tags,
    {
      Owner = "team"
    },
  )
}

collections {
  empty_tuple  = []
  tuple        = [1, "two", true, null, [3]]
  multi_line_tuple = [
    "a",
    "b",
  ]
  empty_object = {}
  object       = { a = 1, "b" = 2, c: 3 }
  computed_key = { (var.key) = "value", "${var.prefix}-x" = 1 }
  multi_line_object = {
    name = "x"
    size = 2

    nested = { deep = [1, 2] }
  }
}

for_expressions {
  tuple_for          = [for s in var.list : upper(s)]
  tuple_for_if       = [for i, s in var.list : "${i}:${s}" if s != ""]
  object_for         = { for k, v in var.map : k => v }
  object_for_group   = { for k, v in var.map : v => k... }
  multi_line_for = {
    for name, cfg in var.functions :
    name => cfg.memory
    if cfg.enabled
  }
}

one_line { enabled = true }
empty_block {}
labelled "first" second {
  value = 1
}
