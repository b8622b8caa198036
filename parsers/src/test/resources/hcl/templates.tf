# Templates: interpolation, directives, strip markers, heredocs and escapes.
templates {
  interpolation = "arn:aws:lambda:${var.region}:${data.aws_caller_identity.current.account_id}:function:${var.name}"
  only          = "${var.whole_value}"
  nested        = "outer ${format("inner %s", "${var.x}")} end"
  if_else       = "Hello, %{ if var.name != "" }${var.name}%{ else }unnamed%{ endif }!"
  for_loop      = "%{ for i, ip in var.ips }server ${i} = ${ip}; %{ endfor }"
  stripped      = "a ${~ var.b ~} c"
  strip_if      = "[%{ if true ~} inside %{~ endif }]"
  dollar        = "costs $5 and 100%, not $${interpolated}"

  heredoc = <<EOT
line one
  line two with ${var.value}
EOT

  flush = <<-EOT
    indented
      more indented
    %{ for x in var.xs ~}
    - ${x}
    %{ endfor ~}
    done
  EOT

  flush_literal = <<-EOT
      deeper
    base

	  tab and spaces
    $${not interpolated}
    end
  EOT

  json = jsonencode({
    script = <<-SH
      #!/bin/sh
      echo "$${HOME}"
    SH
  })
}
